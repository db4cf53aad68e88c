package org.youthwork.logbook.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

/** One session of youth work: one organisation, one day, one municipality. Named so as not to clash with Hibernate's Session. */
@Entity
@Table(name = "youth_session")
public class YouthSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Column(name = "held_on")
    public LocalDate date;

    @Column(name = "start_time")
    public LocalTime startTime;

    @Column(name = "duration_minutes")
    public int durationMinutes;

    public String title;

    @Convert(converter = CodeSets.Methods.class)
    public Set<Method> methods;

    @Convert(converter = CodeSets.Themes.class)
    public Set<Theme> themes;

    @Enumerated(EnumType.STRING)
    public Setting setting;

    @Embedded
    public Participants participants;

    /** Computed by the database from the fifteen counts. */
    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(name = "participants_total", insertable = false, updatable = false)
    public int participantsTotal;

    @Column(name = "participants_estimated")
    public boolean participantsEstimated;

    @Column(name = "first_time_participants")
    public int firstTimeParticipants;

    @Column(name = "unorganised_youth")
    public int unorganisedYouth;

    @Column(name = "fewer_opportunities")
    public int fewerOpportunities;

    @Column(name = "youth_workers")
    public int youthWorkers;

    public int volunteers;

    @Column(name = "youth_led")
    public boolean youthLed;

    @Column(name = "young_leaders")
    public int youngLeaders;

    public String notes;

    @Version
    public int version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Set when the session is deleted: it leaves every list and aggregate, the row stays for audit. */
    @Column(name = "deleted_at")
    public Instant deletedAt;
}
