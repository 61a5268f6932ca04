package org.mesosim.model.config;

/**
 * Agent flags (microseconds), defaults from {@code src/slave/flags.cpp} in {@link Defaults#AGENT}.
 *
 * @param registrationBackoffFactor {@code --registration_backoff_factor}, 1 s
 * @param executorRegistrationTimeout {@code --executor_registration_timeout}, 1 min
 * @param executorShutdownGracePeriod {@code --executor_shutdown_grace_period}, 5 s
 */
public record AgentFlags(long registrationBackoffFactor, long executorRegistrationTimeout,
    long executorShutdownGracePeriod) {}
