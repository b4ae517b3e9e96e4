package lockstep.core;

/**
 * The result of a transition: the next state and the waiters to wake, in order.
 * The caller applies the wakes after installing the state, exactly as CPython calls
 * {@code fut.set_result(...)} in the middle of the method (no callback runs before
 * the method returns, because done-callbacks are only scheduled).
 */
public record Step<S>(S state, Vec<Wake> wakes) {
    public static <S> Step<S> of(S state) { return new Step<>(state, Vec.of()); }
    public static <S> Step<S> of(S state, Wake wake) { return new Step<>(state, Vec.of(wake)); }
}
