/**
 * Response headers for hostile content: report text is untrusted, so nothing the server sends may
 * run script, be framed, or be sniffed into HTML. The API gets the strictest policy; the OpenAPI
 * page at /docs gets the policy @fastify/swagger-ui computes for its own static files.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function securityHeaders(secure: boolean) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    if (secure) reply.header('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
    if (!request.url.startsWith('/docs') || !reply.hasHeader('Content-Security-Policy'))
      reply.header('Content-Security-Policy', API_CSP);
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For every place the server writes report text into HTML (none yet but error pages; the dashboard later). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}
