package org.youthwork.logbook.area;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A NUTS 3 statistical region in Slovenia, a district (oblast) in Bulgaria. */
@Entity
@Cacheable
public class Region extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "country_code")
    public String countryCode;

    public String name;

    public Integer population;
}
