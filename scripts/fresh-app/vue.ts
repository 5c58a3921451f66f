import { createApp } from 'vue';
import { payPlugin } from '@pay/vue';
import App from './App.vue';

createApp(App).use(payPlugin).mount('#app');
