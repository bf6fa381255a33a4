/**
 * The canary judge: green's error rate by a sequential test valid under repeated looks, green's p99 against a
 * limit and against blue's, shadow answer quality, over a sliding window of interval slices; every verdict
 * carries its numbers. Pure Java (Commons Math, HdrHistogram), no Vert.x; may use {@code metrics}, {@code
 * config} and the bottom layer.
 */
package dev.relaygate.relay.judge;
