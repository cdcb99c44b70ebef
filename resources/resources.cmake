# Data files compiled into the programs as Qt resources. core/ and ui/ each attach their list to their own
# library with qt_add_resources, so the CLI carries no icons and core carries no pixels.
set(SAGEDESK_RESOURCES_DIR "${CMAKE_CURRENT_LIST_DIR}")

# Read by core: the constraints/shape table generated from the service model, the instance-type catalog.
set(SAGEDESK_CORE_RESOURCES
    "${SAGEDESK_RESOURCES_DIR}/api/sagemaker-shapes.json"
)

# Read by ui: icons and images.
set(SAGEDESK_UI_RESOURCES
    "${SAGEDESK_RESOURCES_DIR}/icons/sagedesk.svg"
)
