-- Keep texts of up to 64 KB (a stored assessment's profile and evaluation are about 1.5 and 6 KB) in the table row
-- itself instead of H2's separate large-object storage (H2's default keeps only texts up to 256 bytes in the row).
-- Each commit then writes the row alone where it wrote the row and several large-object entries; a plain JDBC loop
-- stores 1.6 times as many such rows a second (BENCHMARKS.md c has the service's figures). Longer texts are still stored
-- whole, in the large-object storage. The setting is kept in the database; it applies to rows written from now on.
SET MAX_LENGTH_INPLACE_LOB 65536;
