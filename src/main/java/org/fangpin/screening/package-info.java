/**
 * Screening many households at once: profiles read line by line from NDJSON or CSV with a bound on each line,
 * evaluated on every core in order-keeping blocks, and summarised by risk group, tier and measure. The HTTP batch,
 * the {@code screen} command and impact analysis all stream through it, so memory never grows with the batch.
 */
package org.fangpin.screening;
