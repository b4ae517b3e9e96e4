package lockstep.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class LexerTest {

    /** Tokens rendered compactly: names and operators as text, layout tokens by kind; or the error. */
    static String lex(String source) {
        try {
            return Lexer.tokenize(new SourceText("t.py", source)).stream()
                    .map(LexerTest::render).collect(Collectors.joining(" "));
        } catch (ScenarioError e) {
            return e.getMessage();
        }
    }

    static List<Token> tokens(String source) {
        try {
            return Lexer.tokenize(new SourceText("t.py", source));
        } catch (ScenarioError e) {
            throw new AssertionError(e);
        }
    }

    private static String render(Token t) {
        return switch (t.kind()) {
            case NAME, KEYWORD, OP -> t.text();
            case NUMBER -> "#" + t.value();
            case STRING -> "$" + ((Token.StringValue) t.value()).parts();
            case ERROR -> "ERROR(" + ((ScenarioError) t.value()).getMessage() + ")";
            default -> t.kind().toString();
        };
    }

    @Test
    void indentationMakesIndentAndDedent() {
        assertEquals("if x : NEWLINE INDENT y NEWLINE if z : NEWLINE INDENT w NEWLINE DEDENT DEDENT v NEWLINE EOF",
                lex("if x:\n    y\n    if z:\n        w\nv\n"));
    }

    @Test
    void blankAndCommentLinesAreIgnored() {
        assertEquals("if x : NEWLINE INDENT y NEWLINE z NEWLINE DEDENT EOF",
                lex("if x:  # c\n\n    y\n        # odd comment\n  \n    z"));
    }

    @Test
    void tabsAdvanceToTheNextMultipleOfEight() {
        assertEquals("if x : NEWLINE INDENT a NEWLINE DEDENT b NEWLINE EOF", lex("if x:\n  \ta\nb\n"));
        assertEquals("if x : NEWLINE INDENT a NEWLINE if y : NEWLINE INDENT b NEWLINE DEDENT DEDENT c NEWLINE EOF",
                lex("if x:\n\ta\n\tif y:\n\t\tb\nc"));
        // as in CPython, a tab and 8 spaces are the same width but not the same indentation
        assertEquals("t.py:3:9: syntax error: inconsistent use of tabs and spaces in indentation",
                lex("if x:\n\ta\n        b\n"));
    }

    @Test
    void bracketsAndBackslashesJoinLines() {
        assertEquals("x = ( #1 , #2 ) NEWLINE y = #1 + #2 NEWLINE EOF", lex("x = (1,\n\n  2)\ny = 1 + \\\n  2"));
        assertEquals("a ; b ; NEWLINE EOF", lex("a; b;"));
    }

    @Test
    void numbers() {
        assertEquals("#1000000 #255 #8 #5 #0 #1.5 #0.5 #2.0 #0.001 #1500.0 #1.0E20 NEWLINE EOF",
                lex("1_000_000 0xff 0o10 0b101 0 1.5 .5 2. 1e-3 1.5E3 1e20"));
        assertEquals("#1 if x else #2 NEWLINE EOF", lex("1if x else 2"));
    }

    @Test
    void stringsAndFStringParts() {
        assertEquals("$[ab] $[] $[a\\b] $[x\ny] NEWLINE EOF", lex("'ab' \"\" r'a\\b' '''x\ny'''"));
        List<Token> tokens = tokens("f'a{x!r:>3}b{{'");
        Token.StringValue v = (Token.StringValue) tokens.get(0).value();
        assertEquals(true, v.isFString());
        assertEquals("a", v.parts().get(0));
        assertEquals(new Token.Field(4, 5, 'r', ">3"), v.parts().get(1));
        assertEquals("b{", v.parts().get(2));
    }

    @Test
    void tokensKnowTheirPositions() {
        List<Token> tokens = tokens("x = 1\nif y:\n    z");
        assertEquals(new Ast.Pos(1, 5), tokens.get(2).pos());
        assertEquals(new Ast.Pos(2, 1), tokens.get(4).pos());
        assertEquals(new Ast.Pos(3, 5), tokens.get(9).pos()); // z, after NEWLINE and INDENT
    }

    @Test
    void lexicalErrorsAreThrown() {
        assertEquals("t.py:1:5: syntax error: unterminated string literal (detected at line 1)", lex("x = 'abc"));
        assertEquals("t.py:3:3: syntax error: unindent does not match any outer indentation level",
                lex("if x:\n    a\n  b"));
    }

    @Test
    void anUnclosedBracketEndsTheTokensWithAnErrorToken() {
        assertEquals("x = ( #1 , ERROR(t.py:1:5: syntax error: '(' was never closed) EOF", lex("x = (1,\n"));
    }
}
