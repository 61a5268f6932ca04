package org.mesosim.model.config;

/**
 * Master flags (microseconds; {@link org.mesosim.engine.SimTime#NEVER} = none/never). Defaults in
 * {@link Defaults#MASTER}, from {@code src/master/flags.cpp} and {@code src/master/constants.hpp}.
 *
 * @param agentPingTimeout {@code --agent_ping_timeout}, 15 s
 * @param maxAgentPingTimeouts {@code --max_agent_ping_timeouts}, 5
 * @param offerTimeout {@code --offer_timeout}, none
 * @param agentReregisterTimeout {@code --agent_reregister_timeout}, 10 min
 * @param registryWriteLatency time one registry (replicated log) write takes, 5 ms
 * @param restartDelay a master that exits is restarted by its supervisor after this, 30 s
 */
public record MasterFlags(
    long agentPingTimeout,
    int maxAgentPingTimeouts,
    long offerTimeout,
    long agentReregisterTimeout,
    long registryWriteLatency,
    long restartDelay) {}
