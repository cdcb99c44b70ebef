# Data files compiled into the programs as Qt resources. core/ and ui/ each attach their list to their own
# library with qt_add_resources, so the CLI carries no icons and core carries no pixels.
set(SAGEDESK_RESOURCES_DIR "${CMAKE_CURRENT_LIST_DIR}")

# Read by core: the constraints/shape table generated from the service model, the instance-type catalog.
set(SAGEDESK_CORE_RESOURCES
    "${SAGEDESK_RESOURCES_DIR}/api/sagemaker-shapes.json"
    "${SAGEDESK_RESOURCES_DIR}/catalog/training-instance-types.csv"
)

# Read by ui: icons and images.
set(SAGEDESK_UI_RESOURCES
    "${SAGEDESK_RESOURCES_DIR}/icons/sagedesk.svg"
    "${SAGEDESK_RESOURCES_DIR}/icons/edit-copy.svg"
    "${SAGEDESK_RESOURCES_DIR}/icons/edit-paste.svg"
    "${SAGEDESK_RESOURCES_DIR}/icons/error.svg"
    "${SAGEDESK_RESOURCES_DIR}/icons/go-down.svg"
    "${SAGEDESK_RESOURCES_DIR}/icons/go-up.svg"
    "${SAGEDESK_RESOURCES_DIR}/icons/info.svg"
    "${SAGEDESK_RESOURCES_DIR}/icons/list-add.svg"
    "${SAGEDESK_RESOURCES_DIR}/icons/list-remove.svg"
    "${SAGEDESK_RESOURCES_DIR}/icons/warning.svg"
)
