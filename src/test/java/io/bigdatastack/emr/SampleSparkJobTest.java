package io.bigdatastack.emr;

import io.bigdatastack.testing.ShellWords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SampleSparkJobTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain", "{\"a\": \"b c\"}", "it's", "'", "''", "a'b'c", "$HOME `x` \\ * ? ; & | < > ( ) # ~", "line\nbreak"})
    void shellQuoteRoundTrips(String word) {
        assertEquals(List.of(word), ShellWords.split(SampleSparkJob.shellQuote(word)));
    }

    /** The real shell agrees: printf prints the word exactly. */
    @Test
    void aPosixShellReadsTheQuotedWordBack() throws IOException, InterruptedException {
        var word = "{\"x\":\"it's $HOME\"} `date` \\n";
        var process = new ProcessBuilder("sh", "-c", "printf '%s' " + SampleSparkJob.shellQuote(word)).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor());
        assertEquals(word, output);
    }

    @Test
    void safeWordsStayUnquoted() {
        assertEquals("arn:aws:iam::123456789012:role/x", SampleSparkJob.shellQuote("arn:aws:iam::123456789012:role/x"));
        assertEquals("emr-7.13.0-latest", SampleSparkJob.shellQuote("emr-7.13.0-latest"));
    }
}
