/**
 * The OpenAPI 3.1 document of the HTTP API ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): its
 * description, the language header every operation takes, and the codes of the rule set in force filled into every
 * field that carries a catalogue code. The schemas themselves are annotated where the records live.
 */
package org.fangpin.apidocs;
