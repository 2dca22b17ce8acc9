/**
 * Security: HTTP Basic sign-in against the users configured under {@code fangpin.security.users}, the roles
 * (caseworker, policy editor, reviewer) and which endpoints each may call. Refusals are problem details like every
 * other error.
 */
package org.fangpin.security;
