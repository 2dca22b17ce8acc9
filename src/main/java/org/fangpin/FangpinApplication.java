package org.fangpin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Fangpin: rules-based risk identification and assistance recommendations for monitored rural households. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FangpinApplication {

	public static void main(String[] args) {
		SpringApplication.run(FangpinApplication.class, args);
	}

}
