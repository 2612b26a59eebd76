package dev.fabricscope.smc;

/** What {@link ClcParser} made of one message: the message, or why it could not be decoded. */
public sealed interface ClcParseResult {

    record Parsed(ClcMessage message) implements ClcParseResult { }

    /**
     * @param reason one line for users ("CLC Proposal: IPv6 prefix count 9 exceeds the message length 69")
     * @param length the header's Length field when it was readable (for skipping), else -1
     */
    record Failed(String reason, int length) implements ClcParseResult { }
}
