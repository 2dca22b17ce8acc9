package org.fangpin.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How batches run.
 * @param chunkSize assessments stored per transaction: a crash loses at most the chunk not yet committed
 * @param maxLineBytes the longest line a batch accepts; a longer one gets a problem line and the batch goes on
 * @param threads evaluation workers; 0 means one per core
 */
@ConfigurationProperties("fangpin.batch")
public record BatchProperties(@DefaultValue("500") int chunkSize, @DefaultValue("1048576") int maxLineBytes,
		@DefaultValue("0") int threads) {

	public BatchProperties {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("'chunkSize' must be positive");
		}
		if (maxLineBytes < 1) {
			throw new IllegalArgumentException("'maxLineBytes' must be positive");
		}
	}

	/** The number of workers: {@code threads}, or one per core. */
	public int workers() {
		return (this.threads > 0) ? this.threads : Runtime.getRuntime().availableProcessors();
	}

}
