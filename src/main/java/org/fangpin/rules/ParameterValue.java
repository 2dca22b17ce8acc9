package org.fangpin.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** One dated value of a parameter, with its source. */
@Schema(name = "ParameterValue", description = "One dated value of a parameter")
public record ParameterValue(
		@Schema(description = "The parameter's name in parameters.yaml", example = "monitoring.incomeThreshold",
				requiredMode = RequiredMode.REQUIRED) String name,
		@Schema(description = "The value", example = "7400", requiredMode = RequiredMode.REQUIRED) BigDecimal value,
		@Schema(description = "The date from which this value is in force, until the next value's date",
				example = "2024-01-01", requiredMode = RequiredMode.REQUIRED) LocalDate effectiveFrom,
		@Schema(description = "Where the value comes from: the policy document, or placeholder",
				example = "placeholder", requiredMode = RequiredMode.REQUIRED) String source) {

}
