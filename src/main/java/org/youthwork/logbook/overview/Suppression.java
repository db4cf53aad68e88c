package org.youthwork.logbook.overview;

import java.util.ArrayList;
import java.util.List;

/**
 * Which counts of young people a published overview withholds (the rule in plain words: docs/publication.md).
 * <p>
 * Primary: a count from 1 to threshold − 1 is {@link Shown#SMALL}. Secondary: the cells of a group add up to the
 * total participants (or, for methods and themes, to their own sum, known to a reader whenever that total is
 * published). A reader knows of a small cell that it is 1 … threshold − 1, of a hidden one that it is at least the
 * threshold (only a count that would have been published is hidden), of every cell that it is at most the total. As
 * long as these facts, through all groups at once, pin a withheld cell to a single value, one more cell is hidden:
 * the smallest published non-zero cell of that cell's group (the first on ties); when the group has none left, its
 * total (its marginal, for a row or column of a cross table); when that is withheld too, every cell of the group, zeros
 * included.
 */
final class Suppression {

    enum Shown { EXACT, SMALL, HIDDEN }

    /** Stands for "no upper bound" in a reader's reasoning; far above any real count, far below overflow. */
    private static final long UNBOUNDED = 1L << 40;

    static final class Cell {
        final long value;
        Shown shown;
        /** Hidden with a whole group, zeros included: a reader knows only 0 … total. */
        private boolean anyValue;
        /** What a reader can work out: lo ≤ value ≤ hi. */
        private long lo;
        private long hi;

        private Cell(long value, Shown shown) {
            this.value = value;
            this.shown = shown;
        }

        boolean withheld() {
            return shown != Shown.EXACT;
        }

        /** Whether a reader can work the value out from the published figures (the published ones trivially). */
        boolean known() {
            return lo == hi;
        }

        @Override
        public String toString() {
            return value + "/" + shown;
        }
    }

    /**
     * Members that add up to their marginal: the total, or another published cell (a row or column of a cross table).
     * own is non-null where they add up instead to a sum of their own that the total bounds (methods, themes).
     */
    private record Group(List<Cell> members, Cell own, Cell marginal) {
    }

    private final int threshold;
    private final Cell total;
    private final List<Group> groups = new ArrayList<>();

    Suppression(int threshold, long participants) {
        if (threshold < 3) {
            throw new IllegalArgumentException("A threshold below 3 hides nothing: " + threshold);
        }
        this.threshold = threshold;
        this.total = cell(participants);
    }

    /** The total participants, the total of every group. */
    Cell total() {
        return total;
    }

    /** A count of young people in no group (first-time participants and the like): primary suppression only. */
    Cell cell(long value) {
        return new Cell(value, value >= 1 && value < threshold ? Shown.SMALL : Shown.EXACT);
    }

    /** A breakdown whose cells add up to the total participants, or (methods, themes) at least to it. */
    List<Cell> group(List<Long> values) {
        List<Cell> members = values.stream().map(this::cell).toList();
        long sum = values.stream().mapToLong(Long::longValue).sum();
        groups.add(new Group(members, sum == total.value ? null : new Cell(sum, Shown.EXACT), total));
        return members;
    }

    /**
     * Cells that add up exactly to a cell of another group, as a row of a cross table adds up to its band's count; a
     * cell may be in several such groups (its row and its column).
     */
    void sumsTo(List<Cell> members, Cell marginal) {
        long sum = members.stream().mapToLong(m -> m.value).sum();
        if (sum != marginal.value) {
            throw new IllegalArgumentException("Cells adding up to " + sum + " for a marginal of " + marginal.value);
        }
        groups.add(new Group(List.copyOf(members), null, marginal));
    }

    /** Hides cells until no withheld cell can be worked out; call once, after the last group. */
    void settle() {
        for (int guard = 0; guard < 100_000; guard++) {
            reason();
            Group direct = givingAway();
            if (direct != null) {
                hideOneMore(direct);
                continue;
            }
            Cell exposed = exposed();
            if (exposed == null) {
                return;
            }
            Group group = groupToWiden(exposed);
            if (group == null) {
                return;
            }
            hideOneMore(group);
        }
        throw new IllegalStateException("Suppression did not settle");
    }

    private void hideOneMore(Group group) {
        Cell smallest = null;
        for (Cell member : group.members) {
            if (member.shown == Shown.EXACT && member.value > 0 && (smallest == null || member.value < smallest.value)) {
                smallest = member;
            }
        }
        if (smallest != null) {
            smallest.shown = Shown.HIDDEN;
        } else if (group.marginal.shown == Shown.EXACT && group.marginal.value > 0) {
            group.marginal.shown = Shown.HIDDEN;
        } else {
            for (Cell member : group.members) {
                member.shown = Shown.HIDDEN;
                member.anyValue = true;
            }
        }
    }

    /** Whether hideOneMore can still hide something in the group. */
    private boolean canWiden(Group group) {
        return (group.marginal.shown == Shown.EXACT && group.marginal.value > 0) || group.members.stream().anyMatch(m -> !m.anyValue);
    }

    private static boolean hasPublished(Group group) {
        return group.members.stream().anyMatch(m -> m.shown == Shown.EXACT && m.value > 0);
    }

    private Cell exposed() {
        if (total.withheld() && total.known()) {
            return total;
        }
        for (Group group : groups) {
            for (Cell member : group.members) {
                // A withheld zero that a reader can tell is zero (in a line hidden whole) tells of nobody.
                if (member.withheld() && member.known() && member.value > 0) {
                    return member;
                }
            }
        }
        return null;
    }

    /**
     * The group of an exposed member; for the exposed total (or a member pinned only through it), the first group
     * whose own sums pin the total down, one with a published cell to hide first. Null when nothing can be hidden.
     */
    private Group groupToWiden(Cell exposed) {
        for (Group group : groups) {
            if (group.members.contains(exposed) && canWiden(group)) {
                return group;
            }
        }
        Group binding = null;
        for (Group group : groups) {
            if (group.own == null && group.marginal == total && canWiden(group) && bindsTotal(group)) {
                if (hasPublished(group)) {
                    return group;
                }
                binding = binding == null ? group : binding;
            }
        }
        return binding;
    }

    /**
     * A group that alone gives a count away from published figures: its sum and every cell but one withheld count are
     * published, or every cell is and its marginal is withheld. Widened first, before exposures through several groups,
     * which widening the group where they start mends with fewer cells withheld.
     */
    private Group givingAway() {
        for (Group group : groups) {
            boolean sumPublished = group.own != null ? total.shown == Shown.EXACT : group.marginal.shown == Shown.EXACT;
            List<Cell> withheld = group.members.stream().filter(Cell::withheld).toList();
            boolean givesAway = sumPublished ? withheld.size() == 1 && withheld.get(0).value > 0
                    : group.own == null && withheld.isEmpty() && group.marginal.value > 0;
            if (givesAway && canWiden(group)) {
                return group;
            }
        }
        return null;
    }

    private boolean bindsTotal(Group group) {
        long lo = 0;
        long hi = 0;
        for (Cell member : group.members) {
            lo += member.lo;
            hi += member.hi;
        }
        return lo == total.lo || hi == total.hi;
    }

    /** What a reader can work out: bounds from what is shown, narrowed through every group until nothing changes. */
    private void reason() {
        start(total);
        for (Group group : groups) {
            group.members.forEach(this::start);
            if (group.own != null) {
                group.own.lo = total.shown == Shown.EXACT ? group.own.value : total.lo;
                group.own.hi = total.shown == Shown.EXACT ? group.own.value : UNBOUNDED;
            }
        }
        for (int round = 0; round < 1_000; round++) {
            boolean changed = false;
            for (Group group : groups) {
                changed |= narrow(group);
            }
            if (!changed) {
                return;
            }
        }
    }

    private void start(Cell cell) {
        switch (cell.shown) {
            case EXACT -> cell.lo = cell.hi = cell.value;
            case SMALL -> {
                cell.lo = 1;
                cell.hi = threshold - 1;
            }
            case HIDDEN -> {
                cell.lo = cell.anyValue ? 0 : threshold;
                cell.hi = UNBOUNDED;
            }
        }
    }

    /** Σ members = sum, and each member ≤ total: narrows every bound it can; true when one changed. */
    private boolean narrow(Group group) {
        Cell sum = group.own != null ? group.own : group.marginal;
        boolean changed = false;
        if (group.own != null && total.shown != Shown.EXACT && total.lo > sum.lo) {
            sum.lo = total.lo;
            changed = true;
        }
        long lo = 0;
        long hi = 0;
        int unbounded = 0;
        for (Cell member : group.members) {
            lo += member.lo;
            if (member.hi >= UNBOUNDED) {
                unbounded++;
            } else {
                hi += member.hi;
            }
        }
        changed |= raise(sum, lo);
        if (unbounded == 0) {
            changed |= lower(sum, hi);
        }
        for (Cell member : group.members) {
            boolean bounded = member.hi < UNBOUNDED;
            int othersUnbounded = unbounded - (bounded ? 0 : 1);
            if (othersUnbounded == 0) {
                changed |= raise(member, sum.lo - (hi - (bounded ? member.hi : 0)));
            }
            if (sum.hi < UNBOUNDED) {
                changed |= lower(member, sum.hi - (lo - member.lo));
            }
            if (total.hi < UNBOUNDED) {
                changed |= lower(member, total.hi);
            }
        }
        return changed;
    }

    private static boolean raise(Cell cell, long lo) {
        if (lo > cell.lo && lo <= cell.hi) {
            cell.lo = lo;
            return true;
        }
        return false;
    }

    private static boolean lower(Cell cell, long hi) {
        if (hi < cell.hi && hi >= cell.lo) {
            cell.hi = hi;
            return true;
        }
        return false;
    }
}
