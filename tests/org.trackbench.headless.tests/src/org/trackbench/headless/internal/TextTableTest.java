package org.trackbench.headless.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsAreAlignedToTheirWidestCell() {
        String table = TextTable.listing("ID", "TYPE").row(7, "note").row(1234, null).toString();

        assertEquals("ID    TYPE\n7     note\n1234  -\n", table);
    }

    @Test
    void aListingCutsLongCellsAndFoldsLineBreaks() {
        String table = TextTable.listing("TEXT").row("a\nb " + "x".repeat(100)).toString();

        String row = table.lines().skip(1).findFirst().orElseThrow();
        assertEquals(60, row.length());
        assertEquals("a b x", row.substring(0, 5));
        assertEquals('…', row.charAt(59));
    }

    @Test
    void fieldsAreShownInFull() {
        String value = "y".repeat(100);

        assertEquals("KEY\nvalue  " + value + "\n", TextTable.fields("KEY", "").row("value", value).toString());
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThrows(IllegalArgumentException.class, () -> TextTable.listing("A", "B").row("only one"));
    }
}
