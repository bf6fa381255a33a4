package dev.relaygate.reports.chart;

import java.util.List;

/** Maps data values onto pixels along one axis. */
public interface Scale {

    double map(double value);

    /** Where bars start: zero on a linear axis, the lowest decade on a log axis. */
    double origin();

    List<Double> ticks(int count);
}
