/**
 * The OpenAPI 3.1 document of the HTTP API ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): its
 * description, the language header every operation takes, the codes of the rule set in force filled into every
 * field that carries a catalogue code, and the sign-in: HTTP Basic, the 401 and 403 answers, and the roles of each
 * operation as the security rules grant them. The schemas themselves are annotated where the records live.
 */
package org.fangpin.apidocs;
