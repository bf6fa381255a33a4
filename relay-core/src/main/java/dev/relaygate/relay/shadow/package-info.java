/**
 * Shadow traffic: after blue answered, a bounded, sampled copy goes to green ({@link
 * dev.relaygate.relay.shadow.ShadowMirror}); the answers are compared by text and usage ({@link
 * dev.relaygate.relay.shadow.AnswerComparator}), counted ({@link dev.relaygate.relay.shadow.ShadowSummary},
 * which the judge's quality check reads) and logged. Green never delays or fails the client. May use {@code
 * upstream}, {@code log}, {@code config} and the bottom layer.
 */
package dev.relaygate.relay.shadow;
