package shop.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorTextTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of(
                        "short text unchanged",
                        "email rejected the event: detail.total is required",
                        "email rejected the event: detail.total is required"),
                Arguments.of(
                        "SES naming the recipient",
                        "Email address is not verified. The following identities failed the"
                                + " check in region EU-WEST-1: mira.kovac@example.com",
                        "Email address is not verified. The following identities failed the"
                                + " check in region EU-WEST-1: <email address>"),
                Arguments.of(
                        "address in angle brackets",
                        "Rejected <jonas.oneill@example.com>, retry later",
                        "Rejected <<email address>>, retry later"),
                Arguments.of("line breaks and tabs", "first line\nsecond\tline\r\n", "first line second line"),
                Arguments.of("terminal escape sequence", "red \u001B[31malert", "red  [31malert"),
                Arguments.of("nothing", null, "(none given)"),
                Arguments.of("blank", "  ", "(none given)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void textBecomesOneCleanLine(String name, String raw, String printed) {
        assertThat(ErrorText.of(raw)).isEqualTo(printed);
    }

    @Test
    void longTextIsCutAndTheRestCounted() {
        // Arrange
        String raw = "x".repeat(ErrorText.LIMIT + 60);

        // Act
        String printed = ErrorText.of(raw);

        // Assert
        assertThat(printed).isEqualTo("x".repeat(ErrorText.LIMIT) + "... (60 more characters)");
    }
}
