package dev.weft.cli.example;

/**
 * The Branin function, a standard test objective for hyperparameter optimisation: three global
 * minima of {@value #MINIMUM} on {@code x1 in [-5, 10], x2 in [0, 15]}, at
 * {@code (-pi, 12.275)}, {@code (pi, 2.275)} and {@code (9.42478, 2.475)}.
 */
final class Branin {

    /** The global minimum's value. */
    static final double MINIMUM = 0.397887;

    static final double X1_MIN = -5;
    static final double X1_MAX = 10;
    static final double X2_MIN = 0;
    static final double X2_MAX = 15;

    private static final double B = 5.1 / (4 * Math.PI * Math.PI);
    private static final double C = 5 / Math.PI;
    private static final double T = 1 / (8 * Math.PI);

    private Branin() {
    }

    static double value(double x1, double x2) {
        double square = x2 - B * x1 * x1 + C * x1 - 6;
        return square * square + 10 * (1 - T) * Math.cos(x1) + 10;
    }
}
