package org.fangpin.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be. A larger body is refused with a 413 problem before it is parsed.
 * @param maxBody the limit for JSON and every other body
 * @param maxBatchBody the limit for an NDJSON batch ({@code application/x-ndjson}), which carries many profiles
 */
@ConfigurationProperties("fangpin.limits")
public record LimitsProperties(@DefaultValue("2MB") DataSize maxBody, @DefaultValue("64MB") DataSize maxBatchBody) {

}
