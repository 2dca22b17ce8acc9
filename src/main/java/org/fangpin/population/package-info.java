/**
 * Synthetic populations: seeded, realistic rural households of Xinzhou (Shanxi) as profiles valid under the API
 * contract, for screening, impact analysis and benchmarks. The distributions and their sources are in
 * {@code docs/population.md}.
 */
package org.fangpin.population;
