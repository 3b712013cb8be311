/** Who a signed-in person is to the record. The public (no login) has no role. */
export const ROLES = ['admin', 'monitor', 'liaison', 'analyst'] as const;
export type Role = (typeof ROLES)[number];
