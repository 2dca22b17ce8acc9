package org.fangpin.screening;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileLinesTests {

	@Test
	void linesAreNumberedAsInAnEditorAndBlankLinesAreSkipped() {
		List<ProfileLines.Line> lines = read("{\"a\":1}\r\n\n  \n{\"b\":2}", 100);
		assertThat(lines).extracting(ProfileLines.Line::number).containsExactly(1L, 4L);
		assertThat(new String(lines.get(0).bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
		assertThat(new String(lines.get(1).bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"b\":2}");
	}

	@Test
	void aLineLongerThanTheBoundIsReportedAndTheNextLineIsStillRead() {
		String longLine = "x".repeat(200_000);
		List<ProfileLines.Line> lines = read("{}\n" + longLine + "\n{\"c\":3}\n", 1000);
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1).tooLong()).isTrue();
		assertThat(lines.get(1).number()).isEqualTo(2);
		assertThat(lines.get(2).tooLong()).isFalse();
		assertThat(lines.get(2).number()).isEqualTo(3);
	}

	private static List<ProfileLines.Line> read(String text, int max) {
		ProfileLines lines = new ProfileLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
		List<ProfileLines.Line> list = new ArrayList<>();
		lines.forEachRemaining(list::add);
		return list;
	}

}
