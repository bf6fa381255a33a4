/**
 * The control paths ({@code /admin/**}, {@code PATCH /v1/routing/policy}, {@code /metrics}, {@code /healthz}):
 * an immutable route table behind the admin token, and the APIs that read status and change routing or the
 * rollout. Every change that sends green traffic is vetted first and runs on the rollout thread ({@link
 * dev.relaygate.relay.admin.OperatorCalls}). May use every package below it; used only by the composition root.
 */
package dev.relaygate.relay.admin;
