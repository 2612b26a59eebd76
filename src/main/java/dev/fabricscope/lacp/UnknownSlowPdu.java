package dev.fabricscope.lacp;

/** A slow-protocols PDU of a subtype not decoded here (4 to 9, 11 to 255 ...). */
public record UnknownSlowPdu(int subtype) implements SlowProtocolPdu { }
