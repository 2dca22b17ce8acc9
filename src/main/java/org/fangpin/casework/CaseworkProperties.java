package org.fangpin.casework;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Casework settings.
 * @param identificationDays days from the first risk signal within which a caseworker must confirm (or decline)
 * the household as a monitoring object
 */
@ConfigurationProperties("fangpin.casework")
public record CaseworkProperties(@DefaultValue("15") int identificationDays) {

}
