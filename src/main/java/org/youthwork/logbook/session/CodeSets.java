package org.youthwork.logbook.session;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.ToIntFunction;

/** Sets of methods and themes are stored as bit sets: one integer a session, cheap to filter and to aggregate. */
final class CodeSets {

    private CodeSets() {
    }

    static <E extends Enum<E>> int toBits(Set<E> values, ToIntFunction<E> bit) {
        int bits = 0;
        for (E value : values) {
            bits |= bit.applyAsInt(value);
        }
        return bits;
    }

    static <E extends Enum<E>> EnumSet<E> fromBits(int bits, Class<E> type, ToIntFunction<E> bit) {
        EnumSet<E> values = EnumSet.noneOf(type);
        for (E value : type.getEnumConstants()) {
            if ((bits & bit.applyAsInt(value)) != 0) {
                values.add(value);
            }
        }
        return values;
    }

    @Converter
    static class Methods implements AttributeConverter<Set<Method>, Integer> {
        @Override
        public Integer convertToDatabaseColumn(Set<Method> methods) {
            return methods == null ? null : toBits(methods, m -> m.bit);
        }

        @Override
        public Set<Method> convertToEntityAttribute(Integer bits) {
            return bits == null ? null : fromBits(bits, Method.class, m -> m.bit);
        }
    }

    @Converter
    static class Themes implements AttributeConverter<Set<Theme>, Integer> {
        @Override
        public Integer convertToDatabaseColumn(Set<Theme> themes) {
            return themes == null ? null : toBits(themes, t -> t.bit);
        }

        @Override
        public Set<Theme> convertToEntityAttribute(Integer bits) {
            return bits == null ? null : fromBits(bits, Theme.class, t -> t.bit);
        }
    }
}
