/**
 * The Reuters 2016 posts of ../shared as the dedupe evaluation reads them. The posts are Reuters
 * copyright: they are read at eval time and never copied; the repository names a post only by
 * `postId` (a hash of its path), so not even a headline slug is stored.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CORPUS_DIR = 'reuters-2016-conflict-unlabeled';

export interface Post {
  /** First 12 hex digits of sha256(post_path): the only name of a post the repository keeps. */
  readonly id: string;
  /** 1-based line of posts.jsonl (what `truce ingest` calls "<file> line N"). */
  readonly line: number;
  readonly postPath: string;
  readonly posted: string;
  readonly title: string;
  readonly html: string;
}

export function postId(postPath: string): string {
  return createHash('sha256').update(postPath).digest('hex').slice(0, 12);
}

export function postsPath(dataRoot: string): string {
  return resolve(dataRoot, CORPUS_DIR, 'posts.jsonl');
}

/** Every post, in file order. */
export function readPosts(path: string): Post[] {
  const posts: Post[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((l, i) => {
      if (l.trim() === '') return;
      const r = JSON.parse(l) as { post_path: string; post_date: string; title: string; raw_body_html: string };
      posts.push({
        id: postId(r.post_path),
        line: i + 1,
        postPath: r.post_path,
        posted: r.post_date,
        title: r.title,
        html: r.raw_body_html,
      });
    });
  const ids = new Set(posts.map((p) => p.id));
  if (ids.size !== posts.length) throw new Error(`${path}: two posts share an id (hash prefix collision)`);
  return posts;
}
