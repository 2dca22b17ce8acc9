/**
 * Cross-cutting web pieces: strict JSON request parsing, the caller's language, and problem details (RFC 9457) for
 * every error.
 */
package org.fangpin.web;
