/**
 * The relay's configuration: immutable records bound from YAML (or from a control request's JSON) with Jackson,
 * {@code ${ENV}} substitution, and validation whose problems name the field, the rule and the bad value ({@link
 * dev.relaygate.relay.config.ConfigProblem}, {@link dev.relaygate.relay.config.ConfigException#field()}). A
 * leaf above the bottom layer: may use {@code time}, {@code exchange}, {@code http}, {@code json}, {@code sse};
 * nothing else.
 */
package dev.relaygate.relay.config;
