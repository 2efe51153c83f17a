/**
 * The entity-type SPI. A bundle adds an entity type by registering an
 * {@link org.trackbench.core.handler.EntityHandler} service with the {@value org.trackbench.core.handler.EntityHandler#ENTITY_TYPE}
 * property; the sync service asks it how to send each item of that type, and the admin views ask it
 * how to render one. The core keeps no list of types.
 */
@Version("1.1.0")
package org.trackbench.core.handler;

import org.osgi.annotation.versioning.Version;
