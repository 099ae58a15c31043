package dev.pms.journeys.demo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** One console line, redrawn in place with {@code \r}: {@code [#########.....] 9/14 ready, 0 failed, $0.41}. */
final class ProgressBar {
    private static final int MIN_WIDTH = 10;
    private static final int MAX_WIDTH = 40;

    private final PrintStream out;
    private String shown = "";

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    static String render(int ready, int failed, int total, BigDecimal spentUsd, String status) {
        int width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, total));
        int done = total <= 0 ? 0 : Math.min(width, (int) ((long) (ready + failed) * width / total));
        return "[" + "#".repeat(done) + ".".repeat(width - done) + "] " + ready + "/" + total + " ready, "
                + failed + " failed, " + dollars(spentUsd) + (status == null ? "" : " (" + status + ")");
    }

    static String dollars(BigDecimal usd) {
        return "$" + (usd == null ? BigDecimal.ZERO : usd).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Redraws the line when it changed, padding over what a longer previous line left behind. */
    void update(int ready, int failed, int total, BigDecimal spentUsd, String status) {
        String line = render(ready, failed, total, spentUsd, status);
        if (line.equals(shown)) {
            return;
        }
        out.print("\r" + line + " ".repeat(Math.max(0, shown.length() - line.length())));
        out.flush();
        shown = line;
    }

    /** Ends the line so that what follows starts on a fresh one. */
    void finish() {
        if (!shown.isEmpty()) {
            out.println();
            out.flush();
            shown = "";
        }
    }
}
