package dev.fabricscope.smc;

/** The 8-byte SMC peer (system) ID: a 2-byte instance number and a 6-byte RoCE MAC. */
public record PeerId(int instance, long mac) { }
