package dev.pms.journeys.quality;

/**
 * One defect found in a demo run: which brief, what kind, the asset (placement and library id), the file under the
 * demo's output folder and what exactly is wrong, quoting the offending text.
 */
record Defect(String brief, DefectKind kind, String asset, String file, String detail) {

    @Override
    public String toString() {
        return "[" + brief + "] " + kind.code() + " " + asset + (file == null ? "" : " (" + file + ")") + ": " + detail;
    }
}
