package lockstep.core;

/** An effect of a transition: complete waiter {@code future} with {@code result} (True or False). */
public record Wake(int future, boolean result) {}
