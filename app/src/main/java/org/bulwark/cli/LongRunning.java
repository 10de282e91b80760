package org.bulwark.cli;

/** A command that leaves the platform running when it returns (demo, serve). */
interface LongRunning {}
