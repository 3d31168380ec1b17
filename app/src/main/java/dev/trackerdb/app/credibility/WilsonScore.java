package dev.trackerdb.app.credibility;

/**
 * Lower bound of the Wilson score interval (95%) for the share of articles NOT retracted: a
 * publisher with 2 of 2 clean articles is less proven than one with 990 of 1000.
 */
final class WilsonScore {

    private static final double Z = 1.96;

    private WilsonScore() {
    }

    static double lowerBound(int successes, int total) {
        if (total == 0) return 0.0;
        double p = (double) successes / total;
        double z2 = Z * Z;
        double centre = p + z2 / (2 * total);
        double margin = Z * Math.sqrt((p * (1 - p) + z2 / (4 * total)) / total);
        return Math.max(0.0, (centre - margin) / (1 + z2 / total));
    }
}
