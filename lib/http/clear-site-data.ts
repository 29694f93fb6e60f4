// Sent with the answer to every sign-out: the browser drops its cache, storage and cookies
// for the site, so nothing a page showed stays behind on a shared computer.
export const CLEAR_SITE_DATA = '"cache", "cookies", "storage"';
