package org.fangpin;

import org.fangpin.cli.CommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Fangpin: rules-based risk identification and assistance recommendations for monitored rural households. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FangpinApplication {

	public static void main(String[] args) {
		if (CommandLine.handles(args)) {
			System.exit(new CommandLine(System.out, System.err).run(args));
		}
		SpringApplication.run(FangpinApplication.class, args);
	}

}
