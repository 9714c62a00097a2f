#ifndef SKYLT_CSDL2IMAGE_SHIM_H
#define SKYLT_CSDL2IMAGE_SHIM_H
#include <SDL2/SDL_image.h>
#endif
