package dev.relaygate.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

final class CutScannerTest {

    private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n";

    @Test
    void passesEverythingWhenTheResponseCarriesNoCutHeader() {
        CutScanner scanner = new CutScanner();

        assertThat(scanner.feed(Buffer.buffer(HEAD + "\r\ndata: a\n\ndata: b\n\n")))
                .isEqualTo(CutScanner.NO_CUT);
    }

    @Test
    void cutsRightAfterTheNthEventEvenWhenBytesArriveSplit() {
        CutScanner scanner = new CutScanner();
        String head = HEAD + "x-relaygate-cut: events=2\r\nTransfer-Encoding: chunked\r\n\r\n";
        String body = "c\r\n:\ndata: a\n\n\r\nc\r\n:\ndata: b\n\n\r\nc\r\n:\ndata: c\n\n\r\n";

        assertThat(scanner.feed(Buffer.buffer(head.substring(0, 30)))).isEqualTo(CutScanner.NO_CUT);
        assertThat(scanner.feed(Buffer.buffer(head.substring(30)))).isEqualTo(CutScanner.NO_CUT);
        int cut = scanner.feed(Buffer.buffer(body));
        assertThat(body.substring(0, cut)).endsWith("data: b\n\n").doesNotContain("data: c");
    }

    @Test
    void cutsAfterTheByteBudgetOfTheBody() {
        CutScanner scanner = new CutScanner();
        String head = HEAD.replace("text/event-stream", "application/json") + "X-Relaygate-Cut: bytes=5\r\n\r\n";

        int cut = scanner.feed(Buffer.buffer(head + "{\"id\":\"x\"}"));
        assertThat(cut).isEqualTo(head.length() + 5);
    }

    @Test
    void aZeroBudgetCutsRightAfterTheHeaders() {
        CutScanner scanner = new CutScanner();
        String head = HEAD + "X-Relaygate-Cut: events=0\r\n\r\n";

        assertThat(scanner.feed(Buffer.buffer(head + "data: a\n\n"))).isEqualTo(head.length());
    }
}
