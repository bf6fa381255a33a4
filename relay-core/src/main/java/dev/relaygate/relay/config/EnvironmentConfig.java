package dev.relaygate.relay.config;

/**
 * {@code environments.blue} / {@code environments.green}: one upstream.
 *
 * @param name                 display name (e.g. "provider-a")
 * @param baseUrl              OpenAI-style base URL including the API version, e.g.
 *                             {@code https://api.example.com/v1}; a path prefix is kept
 * @param apiKey               sent upstream as {@code Authorization: Bearer}; always redacted
 * @param trustAllCertificates accept any TLS certificate (self-signed test upstreams only; default false)
 */
public record EnvironmentConfig(String name, String baseUrl, Secret apiKey, Boolean trustAllCertificates) {

    public EnvironmentConfig {
        trustAllCertificates = trustAllCertificates != null && trustAllCertificates;
    }

    public static EnvironmentConfig of(String name, String baseUrl, String apiKey) {
        return new EnvironmentConfig(name, baseUrl, Secret.of(apiKey), false);
    }
}
