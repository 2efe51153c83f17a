package org.trackbench.headless.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Why a service is missing, as Declarative Services recorded it: a failed activation's reason, or what it waits for. */
final class ComponentHealth {

    private static final String CAUSED_BY = "Caused by: ";

    private final ServiceComponentRuntime runtime;

    ComponentHealth(ServiceComponentRuntime runtime) {
        this.runtime = runtime;
    }

    String why(Class<?> service) {
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
            if (Arrays.asList(description.serviceInterfaces).contains(service.getName())) {
                for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        return "unavailable: " + reason(configuration.failure);
                    }
                    if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                        return "unavailable: waiting for " + Arrays.stream(configuration.unsatisfiedReferences)
                                .map(reference -> reference.target == null ? reference.name : reference.name + " " + reference.target)
                                .collect(Collectors.joining(", "));
                    }
                }
                return "unavailable: not started (" + description.name + ")";
            }
        }
        return "unavailable: no bundle provides it";
    }

    /** The message of the exception a component threw, without class names or stack trace. */
    private static String reason(String failure) {
        if (failure == null) {
            return "activation failed";
        }
        if (failure.contains("Unable to get service for reference")) {
            return "a service it needs failed to start";
        }
        // SCR wraps what the constructor threw in an InvocationTargetException: its first cause is the component's own.
        String line = failure.lines().filter(candidate -> candidate.startsWith(CAUSED_BY)).findFirst()
                .map(cause -> cause.substring(CAUSED_BY.length())).orElseGet(() -> failure.lines().findFirst().orElse(failure));
        int colon = line.indexOf(": ");
        return colon > 0 && line.substring(0, colon).matches("[\\w.$]+") ? line.substring(colon + 2) : line;
    }
}
