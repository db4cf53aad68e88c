package org.youthwork.logbook.session;

/** A value of a code list: the code clients send, and its labels. */
public interface Coded {

    String code();

    Labels labels();
}
