// Sizes past which a request is refused before anything reads it. No page takes a long query
// string (searches are posts), and no form carries more than a few long narratives.
export const MAX_QUERY_LENGTH = 2048;
export const MAX_BODY_BYTES = 1024 * 1024;
// Next.js's own limit for server action bodies, kept equal to the one above.
export const SERVER_ACTION_BODY_LIMIT = "1mb";
