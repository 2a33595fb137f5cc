/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-services-page.h: the picker shown when the keys see several E-Mail Pro services. */
#pragma once

#include <adwaita.h>

#include "emailpro/mp-service.h"

G_BEGIN_DECLS

#define MP_TYPE_SERVICES_PAGE (mp_services_page_get_type ())
G_DECLARE_FINAL_TYPE (MpServicesPage, mp_services_page, MP, SERVICES_PAGE, AdwBin)

/* services: a GListModel of MpService, or NULL. */
GListModel *mp_services_page_get_services (MpServicesPage *self);
void        mp_services_page_set_services (MpServicesPage *self,
                                           GListModel     *services);

G_END_DECLS
