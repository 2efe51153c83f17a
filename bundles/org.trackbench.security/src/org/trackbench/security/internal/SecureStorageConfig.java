package org.trackbench.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Trackbench secure storage",
        description = "Where access tokens and data keys are kept, encrypted (Equinox secure storage).")
@interface SecureStorageConfig {

    @AttributeDefinition(name = "Storage directory", description = "Directory of the secure storage and its master"
            + " key. Empty: 'secure' in the instance area (-data), or ~/.trackbench/secure without one.")
    String storageDirectory() default "";
}
